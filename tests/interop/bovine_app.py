"""The peer: bovine-herd (https://codeberg.org/bovine/bovine), a fediverse server this project
did not write, as its own documentation assembles it — a Quart app with BovineHerd(app) — run
by hypercorn from its own virtualenv (conftest.py makes it; this file is never imported by
Anjuman's tests, only by that virtualenv's Python).

bovine has no web interface: its users act through ActivityPub's client-to-server API (they
POST activities to their outbox, read their inbox, look things up through their proxyUrl).
The test is such a client. bovine authenticates clients with signatures, or, behind a gateway,
with the `X-Cattle-Grid-Requester` header its gateway (cattle_grid) sets — bovine's own
`add_authorization_with_cattle_grid`. The test talks to hypercorn's loopback port with that
header, as the gateway would; nginx (the public side, https://peer.test) removes the header,
so over https every request is judged by its HTTP signature alone.

Two driver routes that bovine's API lacks, under /_interop/ (nginx answers 404 for them):
- POST /_interop/actors {"handle", "name"}: registers an account (what `bovine-tool register`
  does), answers its actor document;
- POST /_interop/fetch {"actor", "url"}: the account GETs `url` with bovine's own signed
  client (the request bovine makes for every remote object), answers the status and JSON.
"""

import json
import logging
import os

from bovine.types import Visibility  # type: ignore[import-not-found]
from bovine_herd import BovineHerd  # type: ignore[import-not-found]
from bovine_herd.server.authorize import (  # type: ignore[import-not-found]
    add_authorization_with_cattle_grid,
)
from bovine_store import BovineAdminStore  # type: ignore[import-not-found]
from quart import Quart, current_app, request  # type: ignore[import-not-found]

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")

ORIGIN = os.environ["PEER_ORIGIN"]  # https://peer.test (with a port when not 443)

app = Quart(__name__)
BovineHerd(
    app,
    db_url=os.environ["BOVINE_DB_URL"],
    authorization_adder=add_authorization_with_cattle_grid,
)


@app.post("/_interop/actors")  # type: ignore[untyped-decorator]
async def register_actor() -> tuple[dict[str, object], int]:
    data = await request.get_json()
    admin = BovineAdminStore(domain=ORIGIN)
    bovine_name = await admin.register(data["handle"])
    await admin.set_properties_for_actor(bovine_name, {"type": "Person", "name": data["name"]})
    actor = await current_app.config["bovine_store"].actor_for_name(bovine_name)
    return actor.actor_object.build(visibility=Visibility.OWNER), 201


@app.post("/_interop/fetch")  # type: ignore[untyped-decorator]
async def fetch_as_actor() -> tuple[dict[str, object], int]:
    data = await request.get_json()
    store = current_app.config["bovine_store"]
    _kind, actor = await store.resolve_endpoint_no_cache(data["actor"])
    # bovine's signed GET (Accept: application/activity+json), as BovineActor.get sends it.
    response = await actor.client.get(data["url"])
    text = await response.text()
    try:
        document = json.loads(text)
    except ValueError:
        document = None
    return {
        "status": response.status,
        "content_type": response.headers.get("content-type", ""),
        "document": document,
    }, 200
