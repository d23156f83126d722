"""CloudEvents 1.0, Kafka binary mode: the envelope in `ce_*` headers, the data as the JSON value.

A small mapping rather than the `cloudevents` SDK: our extensions (`ce_correlationid`,
`ce_causationid`, `traceparent`) and the dead-letter headers are plain header pairs, and the SDK would
add a conversion layer between our pydantic models and the bytes without checking anything more.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

SPECVERSION = "1.0"
CONTENT_TYPE = "application/json"


class EnvelopeError(ValueError):
    """The headers are not a valid envelope of ours."""


@dataclass(frozen=True)
class Envelope:
    id: str
    source: str
    type: str
    time: datetime
    subject: str
    correlation_id: str
    causation_id: str | None = None
    traceparent: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {
            "ce_specversion": SPECVERSION,
            "ce_id": self.id,
            "ce_source": self.source,
            "ce_type": self.type,
            "ce_time": self.time.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "ce_subject": self.subject,
            "content-type": CONTENT_TYPE,
            "ce_correlationid": self.correlation_id,
        }
        if self.causation_id:
            headers["ce_causationid"] = self.causation_id
        if self.traceparent:
            headers["traceparent"] = self.traceparent
        return headers

    @classmethod
    def from_headers(cls, raw: dict[str, bytes | str] | list[tuple[str, bytes]]) -> "Envelope":
        """Parse Kafka headers; raise EnvelopeError naming what is missing or wrong."""
        headers = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in _pairs(raw)}
        if headers.get("ce_specversion") != SPECVERSION:
            raise EnvelopeError(
                f"ce_specversion must be {SPECVERSION}, got {headers.get('ce_specversion')!r}"
            )
        missing = [
            h for h in ("ce_id", "ce_source", "ce_type", "ce_time", "ce_subject") if not headers.get(h)
        ]
        if missing:
            raise EnvelopeError("missing headers: " + ", ".join(missing))
        try:
            time = datetime.fromisoformat(headers["ce_time"])
        except ValueError as error:
            raise EnvelopeError(f"ce_time is not RFC 3339: {headers['ce_time']!r}") from error
        if time.tzinfo is None:
            raise EnvelopeError("ce_time has no offset")
        return cls(
            id=headers["ce_id"],
            source=headers["ce_source"],
            type=headers["ce_type"],
            time=time,
            subject=headers["ce_subject"],
            correlation_id=headers.get("ce_correlationid") or headers["ce_id"],
            causation_id=headers.get("ce_causationid"),
            traceparent=headers.get("traceparent"),
        )


def _pairs(raw: dict[str, bytes | str] | list[tuple[str, bytes]]) -> list[tuple[str, bytes | str]]:
    return list(raw.items()) if isinstance(raw, dict) else list(raw)
