"""`policeplan serve`: the web app for the PFCC office, thematic leads, the panel and the
public (the published snapshot at /public/). See docs/web.md."""

from __future__ import annotations

import click

from policeplan.cli._common import open_workspace

PLAIN_HTTP_ENV = "POLICEPLAN_PLAIN_HTTP"


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 for every interface, behind a TLS proxy).",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--plain-http",
    is_flag=True,
    envvar=PLAIN_HTTP_ENV,
    help="Send the session cookie over plain HTTP too (local use only; "
    f"also ${PLAIN_HTTP_ENV}=1). Without it the cookie is Secure: HTTPS only.",
)
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, plain_http: bool) -> None:  # fmt: skip
    """Serve the web app: plan, indicators, delivery workflow, data, public site."""
    import uvicorn

    from policeplan.web.app import create_app
    from policeplan.web.config import WebConfig

    workspace = open_workspace(ctx)
    app = create_app(WebConfig(workspace.settings, secure_cookies=not plain_http))
    click.echo(f"Serving {workspace.path} on http://{host}:{port}/ (Ctrl-C to stop)")
    # Idle keep-alive connections are kept 30 s (uvicorn's 5 s races with browsers and
    # clients that reuse a connection just as the server closes it).
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False, timeout_keep_alive=30)  # fmt: skip
