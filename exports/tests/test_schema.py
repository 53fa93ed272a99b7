"""The export format's JSON Schemas: the committed files are the models' (a model changed without
`manage.py export_schema` fails here), valid draft 2020-12 schemas, and what an export of a small
network writes passes them."""

import io
import json

import jsonschema  # type: ignore[import-untyped]  # no stubs in the dev packages
import pytest
from django.core.management import call_command

from comments.services import add_comment
from conftest import make_post
from exports.kinds import LEFT_OUT, exported_models, label_of
from exports.schema import FOLDER, REGENERATE, all_schemas, check_record, dumps

from .helpers import contents


def test_the_committed_schemas_are_the_models():
    expected = {f"{label}.json": dumps(schema) for label, schema in all_schemas().items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in FOLDER.glob("*.json")}
    stale = sorted(
        n for n in expected.keys() | committed.keys() if expected.get(n) != committed.get(n)
    )
    assert not stale, (
        f"The export's JSON Schemas in exports/schema/ are not the models' ({', '.join(stale)}): "
        f"a model changed. Run `{REGENERATE}`, read the change, describe it in docs/export.md "
        "if it is one, and commit exports/schema/."
    )


def test_every_schema_is_a_draft_2020_12_schema():
    for path in FOLDER.glob("*.json"):
        schema = json.loads(path.read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_what_is_left_out_is_no_kind():
    labels = {label_of(m) for m in exported_models()}
    assert not labels & set(LEFT_OUT)
    assert {"sessions.session", "django_tasks_database.dbtaskresult"}.isdisjoint(labels)
    assert {"members.member", "blogs.post", "comments.comment", "auth.group"} <= labels


@pytest.mark.django_db
def test_an_export_passes_its_schemas(network, member, other_member, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    post = make_post(member, title="ریونین لاہور میں", tags=["لاہور"])
    add_comment(post, other_member, "Emoji 🎉 and Urdu: میں بھی وہاں تھا")
    path = tmp_path / "n.zip"
    call_command("export_network", str(path), stdout=io.StringIO())
    _manifest, records, _files = contents(path)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    for label, rows in records.items():
        schema = json.loads((FOLDER / f"{label}.json").read_text())
        jsonschema.Draft202012Validator(schema, format_checker=checker).validate(
            list(rows.values())
        )
        for row in rows.values():  # the importer's own check agrees
            assert check_record(row, schema["items"]) is None
    assert records["blogs.post"][post.pk]["title"] == "ریونین لاہور میں"
    assert records["blogs.post"][post.pk]["published_at"].endswith("Z")


def test_the_importers_check_refuses_what_jsonschema_refuses():
    items = all_schemas()["blogs.post"]["items"]
    good = dict.fromkeys(items["properties"])
    assert check_record([], items) == "not a JSON object"
    assert "missing" in check_record({}, items)
    assert "unknown fields" in check_record({**good, "x": 1}, items)
    row = {**good, "id": True}
    assert check_record(row, items).startswith("id: True is not integer")
