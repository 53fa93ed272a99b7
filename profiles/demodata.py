"""The demo network's profile questions, the demo members' answers and its featured members
(loaddemo)."""

import datetime as dt

from lib.datagen import DemoContext
from members.models import Member

from .demo import content
from .models import Answer, Question


def load(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made["members"]
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
    answers = []
    for key, (year, city, profession, interests, website) in content.ANSWERS.items():
        member = members.get(key)
        if member is None:
            continue
        phone = f"+1 555 01{ctx.rng.randrange(10, 99)}"
        values = {
            "year": year,
            "city": city,
            "profession": profession,
            "interests": "\n".join(interests),
            "website": website,
            "phone": phone if ctx.rng.random() < 0.5 else "",
        }
        answers += [
            Answer(member=member, question=questions[k], value=v, updated_at=ctx.now)
            for k, v in values.items()
            if v
        ]
    Answer.objects.bulk_create(answers)
    ctx.count("profile answers", len(answers))
    for i, key in enumerate(content.FEATURED):
        if key in members:
            when = ctx.now - dt.timedelta(days=i + 1)
            Member.objects.filter(pk=members[key].pk).update(featured_at=when)
