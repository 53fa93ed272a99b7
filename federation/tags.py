"""Federation's cache tags (docs/architecture.md's table)."""


def followers_tag(member_pk: int | None) -> str:
    """Changed when someone elsewhere follows or stops following member N (None: the
    network blog): their page's box shows the count."""
    return f"federation-followers:{member_pk or 0}"
