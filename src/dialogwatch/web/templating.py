"""Jinja2 environment (autoescaping on) and the page render helper."""

from __future__ import annotations

from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dialogwatch.api.deps import Viewer
from dialogwatch.web.i18n import pick_language, translate
from dialogwatch.web.security import csrf_token

templates = Jinja2Templates(directory=str(resources.files("dialogwatch.web").joinpath("templates")))
templates.env.autoescape = True  # every extracted string and document text is untrusted


def query_with(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied (None removes a key)."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


templates.env.globals["query_with"] = query_with


def render(
    request: Request, template: str, viewer: Viewer, status_code: int = 200, **ctx: Any
) -> HTMLResponse:
    """Render a page with the viewer, language, translator and CSRF token in context."""
    lang = pick_language(request.session.get("lang"), request.headers.get("accept-language"))
    context = {
        "viewer": viewer,
        "lang": lang,
        "t": lambda key: translate(key, lang),
        "csrf": csrf_token(request),
        "path": request.url.path,
        "params": dict(request.query_params),
        **ctx,
    }
    return templates.TemplateResponse(request, template, context, status_code=status_code)
