from typing import Any, Dict, Iterable, List, Optional, Union

from ._galley import Facts as Facts
from ._galley import GalleyError as GalleyError
from ._galley import NotText as NotText
from ._galley import Options as Options
from ._galley import __version__ as __version__
from ._galley import page_facts as page_facts

def clean(
    data: Union[str, bytes], facts: Optional[Facts] = None, options: Optional[Options] = None, source: str = "-"
) -> List[Dict[str, Any]]: ...
def decode(data: Union[str, bytes]) -> str: ...
def merge(facts: Iterable[Facts], options: Optional[Options] = None) -> Facts: ...
