"""The Kiosk context: config, store, clock and repositories, handed to every use case."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.clock import Clock, SystemClock, clock_from_env
from kiosk.config import Config
from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.models import AuditEntry
from kiosk.store import Store
from kiosk.store.repo import Repos

SYSTEM = "system"


@dataclass
class Kiosk:
    config: Config
    store: Store
    clock: Clock = field(default_factory=SystemClock)

    def __post_init__(self) -> None:
        self.repos = Repos(self.store)
        self.calendar = SchoolCalendar(self.config.calendar.free_days)

    @classmethod
    def open(cls, config: Config, clock: Clock | None = None) -> Kiosk:
        return cls(config, Store(config.data_dir), clock or clock_from_env())

    def check_readable(self) -> None:
        """Raise CorruptFile when school.json cannot be read (cheap: it is cached after)."""
        self.store.check_readable()

    def data_version(self) -> object:
        """Changes whenever a data file changed on disk, here or in another kiosk process."""
        return self.store.version()

    def audit(self, who: str, action: str, detail: str = "", **facts: object) -> None:
        """Record who did what; call inside the transaction of the change itself.
        `facts` (pupil=..., code=..., start=...) are shown in plain words when read."""
        pairs = tuple((name, str(value)) for name, value in facts.items() if value is not None)
        self.repos.audit.add(AuditEntry(at=self.clock.now(), who=who, action=action, detail=detail,
                                        facts=pairs))
