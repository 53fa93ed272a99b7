from urllib.parse import quote

from django.conf import settings
from django.contrib import admin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve

from members.views import admin_signin

urlpatterns: list[URLPattern | URLResolver] = [
    # /health/ is answered by anjuman.health.HealthCheckMiddleware.
    # Signing in to the technical admin goes through the site's sign-in and its rate limits.
    path("django-admin/login/", admin_signin, name="admin_signin"),
    path("django-admin/", admin.site.urls),
    path("", include("network.urls")),
    path("", include("members.urls")),
    path("", include("blogs.urls")),
    path("", include("comments.urls")),
    path("", include("friends.urls")),
    path("", include("profiles.urls")),
    path("", include("likes.urls")),
    path("", include("activity.urls")),
    path("", include("notifications.urls")),
    path("", include("messaging.urls")),
    path("", include("walls.urls")),
    path("", include("groups.urls")),
    path("", include("forum.urls")),
    path("", include("events.urls")),
    path("", include("photos.urls")),
    path("", include("videos.urls")),
    path("", include("pages.urls")),
    path("", include("moderation.urls")),
    path("", include("access.urls")),
    path("", include("features.urls")),
    path("", include("appearance.urls")),
    path("", include("roster.urls")),
    path("", include("analytics.urls")),
    path("", include("search.urls")),
    path("", include("tags.urls")),
    path("", include("sharing.urls")),
    path("", include("imports.urls")),
    path("", include("exports.urls")),
    path("", include("federation.urls")),
    # Uploaded media from Django itself on the embedded install; a production web server
    # serves MEDIA_ROOT directly (docs/deploy.md).
]


def media(request: HttpRequest, path: str) -> HttpResponseBase:
    """An uploaded file; a name the file system cannot even look up (too long) is not found.

    With MEDIA_ACCEL_REDIRECT the file is nginx's to send (its internal /protected-media/
    location), once the middleware let the request through (a private network's visitors are
    refused before this)."""
    if settings.MEDIA_ACCEL_REDIRECT:
        if any(part in ("", ".", "..") for part in path.split("/")) or "\x00" in path:
            raise Http404
        response = HttpResponse()
        response["X-Accel-Redirect"] = "/protected-media/" + quote(path)
        del response["Content-Type"]  # nginx gives the file's own
        return response
    try:
        return serve(request, path, document_root=str(settings.MEDIA_ROOT))
    except OSError:
        raise Http404 from None


if settings.SERVE_MEDIA or settings.MEDIA_ACCEL_REDIRECT:
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", media))
