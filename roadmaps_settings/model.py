"""The typed model under ``roadmaps_settings.Settings``, without importing Pydantic at start-up.

Every command reads its settings first, and Pydantic (its import, building the model, looking up
its plugins among the installed packages) cost about 0.05 s of each start. The fields are declared
the Pydantic way (``name: type = Field(default, ge=…, description=…)``); the values almost every
run has — a whole number, a decimal number, 1/0/yes/no, one of the accepted words, a text — are
checked and converted here, exactly as Pydantic's lax mode converts them. Any other value (an
invalid one, or a spelling such as ``1_000`` or ``5.0`` for a whole number) is handed to a Pydantic
model built from the same fields, so that what it accepts, what it refuses and its error for it
stay exactly Pydantic's.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path
from typing import Any, Literal, Optional, Union, get_args, get_origin, get_type_hints

TRUE_WORDS = frozenset({"1", "on", "t", "true", "y", "yes"})     # Pydantic's words for a bool
FALSE_WORDS = frozenset({"0", "off", "f", "false", "n", "no"})
WHOLE_RE = re.compile(r"[0-9]+")                                 # ASCII digits only, no sign
DECIMAL_RE = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


class Secret:
    """A secret text (the review token): printed as ``**********``; ``get_secret_value()`` gives it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __str__(self) -> str:
        return "**********" if self._value else ""

    def __repr__(self) -> str:
        return f"Secret('{self}')"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """One field: its default, lower bound and description; ``annotation`` is set by ``Model``."""

    default: Any
    description: str = ""
    ge: Optional[float] = None
    annotation: Any = None


def Field(default: Any, *, ge: Optional[float] = None, description: str = "") -> Any:  # noqa: N802
    """A field's default, lower bound and description (Pydantic's ``Field`` spelling)."""
    return FieldSpec(default, description, ge)


class Invalid(ValueError):
    """Values the model refuses; ``errors()`` is Pydantic's list of errors for them."""

    def __init__(self, errors: list[dict]) -> None:
        super().__init__(errors[0].get("msg", "invalid value") if errors else "invalid value")
        self._errors = errors

    def errors(self) -> list[dict]:
        return self._errors


class Model:
    """Attributes from annotated ``Field`` declarations; ``model_fields``, ``model_copy`` and
    ``model_dump`` as on a Pydantic model. Build one with ``validate(cls, data)``."""

    model_fields: dict[str, FieldSpec] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        hints = get_type_hints(cls)
        cls.model_fields = {name: dataclasses.replace(spec, annotation=hints[name])
                            for name, spec in vars(cls).items() if isinstance(spec, FieldSpec)}

    def __init__(self, **values: Any) -> None:
        for name, spec in self.model_fields.items():
            setattr(self, name, values[name] if name in values else spec.default)

    def model_copy(self) -> "Model":
        return copy.copy(self)

    def model_dump(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.model_dump() == self.model_dump()

    def __repr__(self) -> str:
        return " ".join(f"{name}={value!r}" for name, value in self.model_dump().items())


def _optional(annotation: Any) -> tuple[Any, bool]:
    """(the type, whether None is allowed) of ``Optional[X]`` or ``X``."""
    if get_origin(annotation) is Union:
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(get_args(annotation))
    return annotation, False


def plain(spec: FieldSpec, value: Any) -> tuple[bool, Any]:
    """(True, the converted value) when ``value`` is one Pydantic's lax mode surely converts the
    same way; (False, None) to leave it to Pydantic."""
    kind, optional = _optional(spec.annotation)
    if value is None:
        return optional, None
    if get_origin(kind) is Literal:
        return (True, value) if isinstance(value, str) and value in get_args(kind) else (False, None)
    if kind is bool:
        if isinstance(value, bool):
            return True, value
        word = value.lower() if isinstance(value, str) else None
        return (True, word in TRUE_WORDS) if word in TRUE_WORDS or word in FALSE_WORDS else (False, None)
    if kind is int:
        number = value if type(value) is int else int(value) if isinstance(value, str) and WHOLE_RE.fullmatch(value) else None
        ok = number is not None and (spec.ge is None or number >= spec.ge)
        return (True, number) if ok else (False, None)
    if kind is float:
        if type(value) in (int, float):
            number = float(value)
        elif isinstance(value, str) and DECIMAL_RE.fullmatch(value):
            number = float(value)
        else:
            return False, None
        ok = number == number and (spec.ge is None or number >= spec.ge)   # (NaN is left to Pydantic)
        return (True, number) if ok else (False, None)
    if not isinstance(value, str):
        return False, None
    if kind is str:
        return True, value
    if kind is Path:
        return True, Path(value)
    if kind is Secret:
        return True, Secret(value)
    return False, None


def validate(cls: type[Model], data: dict[str, Any]) -> Model:
    """An instance of ``cls`` from ``data`` (names not of a field are ignored); raises ``Invalid``."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        spec = cls.model_fields.get(name)
        if spec is None:
            continue
        ok, converted = plain(spec, value)
        if not ok:
            return _with_pydantic(cls, data)
        values[name] = converted
    return cls(**values)


def _with_pydantic(cls: type[Model], data: dict[str, Any]) -> Model:
    from pydantic import SecretStr, ValidationError

    try:
        checked = pydantic_model(cls)(**data)
    except ValidationError as e:
        raise Invalid(e.errors()) from None
    values = {name: getattr(checked, name) for name in cls.model_fields}
    return cls(**{name: Secret(v.get_secret_value()) if isinstance(v, SecretStr) else v
                  for name, v in values.items()})


_models: dict[type, Any] = {}


def pydantic_model(cls: type[Model], base: Any = None) -> Any:
    """The Pydantic model of ``cls``'s fields (``Secret`` as ``SecretStr``; extra names ignored,
    defaults not validated); ``base`` another base class than ``BaseModel`` (tests)."""
    if base is None and cls in _models:
        return _models[cls]
    from pydantic import BaseModel, ConfigDict, SecretStr, create_model
    from pydantic import Field as PydanticField

    def swap(annotation: Any) -> Any:
        kind, optional = _optional(annotation)
        return (Optional[SecretStr] if optional else SecretStr) if kind is Secret else annotation

    fields = {name: (swap(spec.annotation), PydanticField(spec.default, ge=spec.ge, description=spec.description))
              for name, spec in cls.model_fields.items()}
    config = ConfigDict(extra="ignore", validate_default=False)
    model = create_model(cls.__name__, __base__=base or BaseModel, **fields) if base else \
        create_model(cls.__name__, __config__=config, **fields)
    if base is None:
        _models[cls] = model
    return model
