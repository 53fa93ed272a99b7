"""Federation's cache tags (docs/architecture.md's table)."""


def followers_tag(member_pk: int | None) -> str:
    """Changed when someone elsewhere follows or stops following member N (None: the
    network blog): their page's box shows the count."""
    return f"federation-followers:{member_pk or 0}"


def replies_tag(post_pk: int) -> str:
    """Changed when a reply from elsewhere comes to post N's "Replies from elsewhere" (or
    goes)."""
    return f"federation-replies:{post_pk}"


# Changed when the administrators' federation choices change (the replies section follows).
CHOICES_TAG = "federation-choices"
