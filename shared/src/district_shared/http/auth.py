"""Who did it (DESIGN §4): the caller's `Principal`, from the gateway's bearer JWT or, in development, a
fixed principal. Routes ask for scopes with `Security(dependency, scopes=[...])`."""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import jwt
from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, SecurityScopes

from district_shared.http.problems import Forbidden, Unauthorized, Unavailable

SERVICES = ("registry", "risk", "cases", "volunteers")
ALL_SCOPES = frozenset(
    {f"{service}:{access}" for service in SERVICES for access in ("read", "write")}
    | {"risk:override", "cases:reroute"}
)
# Asymmetric only: the services hold the gateway's public keys, never a shared secret.
ALGORITHMS = ("RS256", "ES256")


@dataclass(frozen=True)
class Principal:
    """The caller: `subject` (the JWT `sub`, recorded as the actor of every write) and its scopes."""

    subject: str
    scopes: frozenset[str]


DEVELOPMENT_PRINCIPAL = Principal("development", ALL_SCOPES)
PrincipalDependency = Callable[..., Awaitable[Principal]]


def _scopes(claims: dict[str, Any]) -> frozenset[str]:
    """RFC 9068's space-separated `scope`, or the `scp` list some issuers send."""
    scope = claims.get("scope")
    if isinstance(scope, str):
        return frozenset(scope.split())
    scp = claims.get("scp")
    return frozenset(str(s) for s in scp) if isinstance(scp, list) else frozenset()


def _require(principal: Principal, security_scopes: SecurityScopes) -> Principal:
    missing = [scope for scope in security_scopes.scopes if scope not in principal.scopes]
    if missing:
        raise Forbidden(missing)
    return principal


@dataclass(frozen=True)
class TokenVerifier:
    """Checks a bearer JWT's signature (against the JWKS), expiry and audience."""

    keys: jwt.PyJWKClient
    audience: str
    algorithms: Sequence[str] = ALGORITHMS

    async def verify(self, token: str) -> Principal:
        """The token's principal; 401 when it does not verify, 503 when the key set cannot be fetched."""
        try:
            # PyJWKClient fetches with blocking urllib (seldom: it caches the key set), so off the loop.
            key = await asyncio.to_thread(self.keys.get_signing_key_from_jwt, token)
            claims = jwt.decode(
                token,
                key,
                algorithms=list(self.algorithms),
                audience=self.audience,
                options={"require": ["exp", "sub"]},
            )
        except jwt.PyJWKClientConnectionError as error:
            raise Unavailable("the gateway's signing keys cannot be fetched") from error
        except jwt.PyJWTError as error:
            raise Unauthorized(f"invalid bearer token: {error}") from error
        return Principal(claims["sub"], _scopes(claims))


def principal_dependency(jwks_url: str | None, audience: str | None) -> PrincipalDependency:
    """The `Principal` dependency for a service: JWT-verified with a JWKS URL, the development one without."""
    if not jwks_url:
        return _development_principal
    if not audience:
        raise ValueError("a JWKS URL needs an audience: tokens for other services must be refused")
    verifier = TokenVerifier(jwt.PyJWKClient(jwks_url, timeout=5), audience)
    # Missing or non-Bearer Authorization: HTTPBearer answers 401 itself (rendered as a problem).
    bearer = HTTPBearer(description="The gateway's JWT.")

    async def verified_principal(
        security_scopes: SecurityScopes,
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)],
    ) -> Principal:
        return _require(await verifier.verify(credentials.credentials), security_scopes)

    return verified_principal


async def _development_principal(security_scopes: SecurityScopes) -> Principal:
    # Still checked, so a route asking for a scope that does not exist fails in development too.
    return _require(DEVELOPMENT_PRINCIPAL, security_scopes)
