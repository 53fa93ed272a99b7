"""Profile questions and answers for the benchmark network (manage.py generatedata): the demo's
six questions, answered by most members — about 6,500 answers at scale 1 — in bulk."""

from collections.abc import Iterator

from lib.datagen import Context
from members.models import Member

from .demo import content
from .models import Answer, Question

FEATURED = 6
# Share of members who answer each question (by its key in profiles/demo/content.py).
ANSWERED = {
    "year": 0.95,
    "city": 0.8,
    "profession": 0.6,
    "interests": 0.5,
    "website": 0.1,
    "phone": 0.3,
}
CITIES = [
    "Karachi", "Lahore", "Islamabad", "Toronto", "Houston", "Dubai", "London", "Manchester",
    "Berlin", "Oslo", "Melbourne", "Singapore", "Chicago", "New York", "Riyadh", "Doha",
]  # fmt: skip
PROFESSIONS = [
    "Software engineer", "Civil engineer", "Doctor", "Nurse", "Teacher", "Banker", "Lawyer",
    "Architect", "Journalist", "Researcher", "Accountant", "Chef", "Designer", "Student",
]  # fmt: skip


def generate(ctx: Context) -> None:
    questions = {
        text.key: Question.objects.create(
            label=text.label,
            kind=text.kind,
            help_text=text.help_text,
            choices=list(text.choices),
            required=text.required,
            visibility=text.visibility,
            searchable=text.searchable,
            position=position,
            created_at=ctx.start,
        )
        for position, text in enumerate(content.QUESTIONS)
    }
    rng = ctx.rng
    planned: list[tuple[int, int, str]] = []
    for made in ctx.made["members"]:
        for key, share in ANSWERED.items():
            if rng.random() >= share:
                continue
            match key:
                case "year":
                    value = str(min(ctx.now.year, made.at.year - rng.randrange(0, 25)))
                case "city":
                    value = rng.choice(CITIES)
                case "profession":
                    value = rng.choice(PROFESSIONS)
                case "interests":
                    value = "\n".join(rng.sample(content.INTERESTS, rng.randrange(1, 4)))
                case "website":
                    value = f"https://member{made.pk}.example.org/"
                case _:
                    value = f"+1 555 {rng.randrange(1000, 9999)}"
            planned.append((made.pk, questions[key].pk, value))

    def answers() -> Iterator[Answer]:
        for member_id, question_id, value in planned:
            yield Answer(
                member_id=member_id, question_id=question_id, value=value, updated_at=ctx.now
            )

    ctx.bulk_create("profile answers", Answer, answers(), total=len(planned))
    featured = rng.sample(ctx.made["members"], min(FEATURED, len(ctx.made["members"])))
    Member.objects.filter(pk__in=[m.pk for m in featured]).update(featured_at=ctx.now)
