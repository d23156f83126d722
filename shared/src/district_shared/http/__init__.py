"""The HTTP conventions every service shares (DESIGN §4): problems, pagination, idempotency, principal,
timestamps. Wire an app with `install_problem_handlers(app)` and `principal_dependency(...)`."""

from district_shared.http.auth import ALL_SCOPES, Principal, PrincipalDependency, principal_dependency
from district_shared.http.idempotency import (
    IDEMPOTENCY_HEADER,
    Idempotency,
    IdempotencyKey,
    IdempotentRequest,
    StoredResponse,
)
from district_shared.http.pagination import Keyset, Page, PageParams, PageQuery, paginate
from district_shared.http.problems import (
    PROBLEM_JSON,
    Conflict,
    FieldError,
    Invalid,
    NotFound,
    Problem,
    ProblemError,
    install_problem_handlers,
    problem_responses,
)
from district_shared.http.timestamps import Timestamp

__all__ = [
    "ALL_SCOPES",
    "IDEMPOTENCY_HEADER",
    "PROBLEM_JSON",
    "Conflict",
    "FieldError",
    "Idempotency",
    "IdempotencyKey",
    "IdempotentRequest",
    "Invalid",
    "Keyset",
    "NotFound",
    "Page",
    "PageParams",
    "PageQuery",
    "Principal",
    "PrincipalDependency",
    "Problem",
    "ProblemError",
    "StoredResponse",
    "Timestamp",
    "install_problem_handlers",
    "paginate",
    "principal_dependency",
    "problem_responses",
]
