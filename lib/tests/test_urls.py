from django.urls import reverse

from lib.urls import fast_reverse


def test_it_builds_the_same_urls_as_reverse():
    cases = [
        ("members:profile", ["bilal-ahmed"]),
        ("members:profile", ["اردو-نام"]),
        ("blogs:post", [42, "reunion-in-lahore"]),
        ("blogs:member_archive", ["bilal-ahmed", 2015, 7]),
        # Arguments that look like the stand-ins the pattern is reversed with.
        ("blogs:post", [7370002, "hello"]),
        ("blogs:member_archive", ["7370002", 2015, 7]),
    ]
    for name, args in cases:
        assert fast_reverse(name, *args) == reverse(name, args=args)
