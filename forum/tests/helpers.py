"""What the forum's tests share: categories, discussions and files made as members make them."""

import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forum import attachments, services
from forum.models import Category, Discussion
from members.models import Member


def make_category(by: Member, name: str = "Reunions", position: int = 10) -> Category:
    return services.save_category(
        Category(), by=by, name=name, description=f"All about {name.lower()}.", position=position
    )


def make_discussion(
    author: Member,
    category: Category,
    title: str = "Winter dinner in Lahore",
    body: str = "Who is **coming**?",
    files: list[Any] | None = None,
) -> Discussion:
    checked = [attachments.check(f) for f in files or []]
    return services.start_discussion(
        by=author, category=category, title=title, body=body, uploads=checked
    )


def png(name: str = "photo.png", size: tuple[int, int] = (40, 30)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def pdf(name: str = "minutes.pdf") -> SimpleUploadedFile:
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def docx(name: str = "agenda.docx") -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/msword")
