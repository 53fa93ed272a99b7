import getpass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from network.models import Network
from network.services import create_network


class Command(BaseCommand):
    help = "Creates the network and its creator's account (the first-run setup, from the shell)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="The network's name.")
        parser.add_argument("--tagline", default="")
        parser.add_argument("--time-zone", default="UTC", help="e.g. Asia/Karachi")
        parser.add_argument("--creator-name", required=True)
        parser.add_argument("--creator-email", required=True)
        parser.add_argument("--password", help="The creator's password (asked for when not given).")

    def handle(self, *args: Any, **options: Any) -> None:
        if Network.objects.exists():
            raise CommandError("This install already has a network.")
        password = options["password"] or getpass.getpass("Creator's password: ")
        try:
            validate_password(password)
            network = create_network(
                name=options["name"],
                tagline=options["tagline"],
                time_zone=options["time_zone"],
                creator_name=options["creator_name"],
                creator_email=options["creator_email"],
                password=password,
            )
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Created the network “{network.name}”."))
