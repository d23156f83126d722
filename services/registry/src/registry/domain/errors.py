"""What breaking a registry rule raises; the HTTP layer turns them into 422 and 409 problems."""


class RuleBroken(ValueError):
    """An input breaks a rule: `field` is its JSON name, `rule` names the rule (answers 422)."""

    def __init__(self, field: str, rule: str, explanation: str) -> None:
        super().__init__(f"{rule}: {explanation}")
        self.field = field
        self.rule = rule
        self.reason = f"{rule}: {explanation}"


class StateConflict(Exception):
    """The request clashes with the current state (answers 409)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason
