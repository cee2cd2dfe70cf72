"""The FastAPI application: REST API under /api/v1, server-rendered pages, static assets."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from dialogwatch import __version__
from dialogwatch.api.deps import Viewer
from dialogwatch.api.routes import api_router
from dialogwatch.search.index import SyncThrottle
from dialogwatch.settings import Settings, get_settings
from dialogwatch.store.db import open_store
from dialogwatch.web.pages import page_router
from dialogwatch.web.security import SecurityHeaders
from dialogwatch.web.templating import render


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Open the store named by ``settings.db`` and build the application around it."""
    settings = settings or get_settings()
    store = open_store(settings.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        with store.session() as session:
            _app.state.search_sync.maybe_sync(session, force=True)
        yield
        store.close()

    app = FastAPI(
        title="dialogwatch API",
        version=__version__,
        description="Documents, meetings, people, commitments and asks of bilateral dialogues.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.search_sync = SyncThrottle()
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="dw_session",
        same_site="lax",
        max_age=14 * 24 * 3600,
    )
    app.add_middleware(SecurityHeaders)
    static = resources.files("dialogwatch.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api_router())
    app.include_router(page_router())

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """Interactive API docs (Swagger UI served from the package, no CDN)."""
        html = get_swagger_ui_html(
            openapi_url="/api/openapi.json",
            title="dialogwatch API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        ).body.decode()
        # The CSP forbids inline scripts: move FastAPI's inline initialiser to a static file.
        start = html.index("<script>", html.index("swagger-ui-bundle.js"))
        end = html.index("</script>", start) + len("</script>")
        html = html[:start] + '<script src="/static/js/api-docs.js"></script>' + html[end:]
        return HTMLResponse(html)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
        if exc.status_code in (303, 302) and exc.headers:
            return Response(status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", Viewer(None), status_code=exc.status_code, error=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": jsonable_errors(exc)}, 422)
        return render(
            request, "error.html", Viewer(None), status_code=400, error="invalid request parameters"
        )

    return app


def jsonable_errors(exc: RequestValidationError) -> list[dict]:
    """Validation errors without the raw input (which may be large or binary)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
