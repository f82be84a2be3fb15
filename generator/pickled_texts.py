"""The build cache's texts (yamltext.LStr) pickled apart from the records that hold them, so that writing the cache
copies no text.

Pickle writes a str subclass through its reduce, whose arguments must hold the
text as a plain str: a copy of it (`str(self)`, as any other way of getting
one), and pickle keeps every object it writes alive in its memo until the
end, so as to write a second reference to it as a reference. At 2,000
meetings that was 212,801 copies and as many argument tuples, about 90 MB held
to the end; those made before the memo's table doubled came on top of the
doubling, the peak of the build's largest process at the end of a cold build
(13 to 61 MB of it in three builds; docs/performance-history.md, "What the
cold build's largest process holds"). Here each text is written as itself, with its line,
after the pickle of the cache, from the LStr objects the pickler met, in a
pickle of its own; the cache's pickle names a text by its place in that list.
Reading the file, the list of texts is read first, and each text taken from
it (and let go) as the cache's pickle comes to it, so reading holds no more
than it did.
"""

from __future__ import annotations

import pickle

from generator.yamltext import LStr

_PROTOCOL = pickle.HIGHEST_PROTOCOL
_BININT = b"J"  # pickle's opcodes: a 4-byte signed int, a str of a 4- and of an 8-byte length, ...
_BINUNICODE, _BINUNICODE8 = b"X", b"\x8d"
_PROTO, _FRAME = b"\x80\x05", b"\x95"  # protocol 5; a frame of the 8-byte length that follows, read in one call
_START, _END = b"](", b"e."  # an empty list, a mark; append what follows the mark, stop
_CHUNK = 1 << 20


def _text():
    """Where the cache's pickle names a text kept apart; `Unpickler` puts the next text of the list in its place."""
    raise pickle.UnpicklingError("a text kept apart, read only with pickled_texts.Unpickler")


class Pickler(pickle.Pickler):
    """A pickler that writes each LStr it meets as a reference to the next of `texts`, noted there, not as a
    copy of its text; `write_texts` writes them after it. A text that skips or folds lines of its file (few:
    LStr.skipped, LStr.folds), or whose line is not a 4-byte number, is pickled as before."""

    def __init__(self, file):
        super().__init__(file, protocol=_PROTOCOL)
        self.handle = file
        self.texts: list[LStr] = []

    def reducer_override(self, obj):
        if type(obj) is LStr and not obj.skipped and not obj.folds and -(1 << 31) <= obj.line < 1 << 31:
            self.texts.append(obj)
            return _text, ()
        return NotImplemented

    def write_texts(self, file) -> None:
        """The texts met, as a pickle of one list, last first (the reader pops them), each one's line before it:
        written in frames of a megabyte or so, each text encoded only as it is written (pickle's reader reads a
        frame at a time, where it read each opcode without them)."""
        file.write(_PROTO)
        chunk = bytearray(_START)
        for text in reversed(self.texts):
            data = text.encode("utf-8", "surrogatepass")  # as pickle writes a str
            chunk += _BININT + text.line.to_bytes(4, "little", signed=True)
            chunk += (_BINUNICODE + len(data).to_bytes(4, "little")) if len(data) < 1 << 32 else (
                _BINUNICODE8 + len(data).to_bytes(8, "little"))
            chunk += data
            if len(chunk) >= _CHUNK:
                _frame(file, chunk)
                chunk.clear()
        _frame(file, chunk + _END)


def _frame(file, chunk: bytearray) -> None:
    file.write(_FRAME + len(chunk).to_bytes(8, "little"))
    file.write(chunk)


class Unpickler(pickle.Unpickler):
    """Reads what `Pickler` wrote, given the list of texts (read first, with pickle.load): each text kept
    apart is taken from its end. The list is empty at the end if the file was whole."""

    def __init__(self, file, texts: list):
        super().__init__(file)
        pop = texts.pop
        self._next = lambda: LStr(pop(), pop())  # the text, then its line: written the other way round

    def find_class(self, module: str, name: str):
        if module == __name__ and name == "_text":
            return self._next
        return super().find_class(module, name)
