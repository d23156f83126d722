import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Annotated, Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI, Security

from district_deploy.kafka import free_port
from district_shared.http.auth import ALL_SCOPES, Principal, principal_dependency
from district_shared.http.problems import PROBLEM_JSON, install_problem_handlers
from tests.infra.services import http_client

AUDIENCE = "district-registry"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    """The gateway's key set, served over real HTTP as PyJWKClient fetches it."""
    jwk = {**jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key(), as_dict=True), "kid": "k1", "use": "sig"}
    body = json.dumps({"keys": [jwk]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json"
    server.shutdown()
    server.server_close()


def token(key: Any = KEY, kid: str = "k1", algorithm: str = "RS256", **claims: Any) -> str:
    defaults = {"sub": "staff-17", "aud": AUDIENCE, "exp": int(time.time()) + 300, "scope": "registry:read"}
    return jwt.encode({**defaults, **claims}, key, algorithm=algorithm, headers={"kid": kid})


def _app(jwks_url: str | None) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    principal = principal_dependency(jwks_url, AUDIENCE if jwks_url else None)

    @app.get("/enterprises")
    async def read(
        who: Annotated[Principal, Security(principal, scopes=["registry:read"])],
    ) -> dict[str, Any]:
        return {"subject": who.subject, "scopes": sorted(who.scopes)}

    @app.put("/ratings/1/override")
    async def override(who: Annotated[Principal, Security(principal, scopes=["risk:override"])]) -> str:
        return who.subject

    return app


@pytest.fixture
async def client(jwks_url):
    async with http_client(_app(jwks_url)) as client:
        yield client


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


async def test_a_verified_token_gives_its_subject_and_scopes(client):
    response = await client.get("/enterprises", headers=bearer(token(scope="registry:read risk:read")))
    assert response.status_code == 200, response.text
    assert response.json() == {"subject": "staff-17", "scopes": ["registry:read", "risk:read"]}


async def test_scopes_may_come_as_an_scp_list(client):
    response = await client.get("/enterprises", headers=bearer(token(scope=None, scp=["registry:read"])))
    assert response.status_code == 200, response.text


async def test_no_token_is_a_401_problem(client):
    response = await client.get("/enterprises")
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "bad",
    [
        token(exp=int(time.time()) - 60),
        token(aud="district-cases"),
        token(key=OTHER_KEY),
        token(kid="unknown"),
        token(key="a shared secret of thirty-two bytes!", algorithm="HS256"),
        token(sub=None),
        "not.a.jwt",
    ],
    ids=[
        "expired",
        "other-audience",
        "forged-signature",
        "unknown-key",
        "symmetric-alg",
        "no-subject",
        "garbage",
    ],
)
async def test_a_token_that_does_not_verify_is_a_401_problem(client, bad):
    response = await client.get("/enterprises", headers=bearer(bad))
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["detail"].startswith("invalid bearer token")


async def test_a_missing_scope_is_a_403_problem_naming_it(client):
    response = await client.put(
        "/ratings/1/override", headers=bearer(token(scope="registry:read registry:write"))
    )
    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["detail"] == "missing scope: risk:override"
    assert 'error="insufficient_scope"' in response.headers["www-authenticate"]


async def test_an_unreachable_key_set_is_a_503_not_a_401():
    async with http_client(_app(f"http://127.0.0.1:{free_port()}/jwks.json")) as client:
        response = await client.get("/enterprises", headers=bearer(token()))
    assert response.status_code == 503
    assert response.headers["content-type"] == PROBLEM_JSON


async def test_without_a_key_set_the_development_principal_has_every_scope():
    async with http_client(_app(None)) as client:
        response = await client.get("/enterprises")
        override = await client.put("/ratings/1/override")
    assert response.json() == {"subject": "development", "scopes": sorted(ALL_SCOPES)}
    assert override.json() == "development"


def test_a_key_set_without_an_audience_is_refused_at_wiring_time(jwks_url):
    with pytest.raises(ValueError, match="audience"):
        principal_dependency(jwks_url, None)
