"""No upload is dropped in silence.

Django's multipart parser skips a file part in two cases a browser never produces but a
hostile client can: a name that sanitises to nothing ("..", ".", control characters), and a
part header that is not UTF-8. The form then sees no file, keeps the old one and the page says
"saved". `KeepBadlyNamedFiles`, first in FILE_UPLOAD_HANDLERS, parses the request itself with
the other handlers, so that:

- a file whose name sanitises to nothing is kept under the name "upload", and the form validates
  it (an image field: no image extension);
- a part whose header could not be read is reported to its field as an empty file "upload", so
  the form says the file is empty instead of keeping the old one.

A file input left empty (no file chosen: an empty name) is still no file.
"""

import re
from typing import Any, cast

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http.multipartparser import MultiPartParser
from django.http.request import QueryDict
from django.utils.datastructures import MultiValueDict

KEPT_NAME = "upload"
_FIELD_NAME = re.compile(r'\bname="([^"]*)"')
_LONGEST_HEADER = 8192


class _KeepingParser(MultiPartParser):
    def sanitize_file_name(self, file_name: str) -> str | None:
        sanitized: str | None = super().sanitize_file_name(file_name)
        return sanitized or (KEPT_NAME if file_name else None)


class _UnreadableHeaders:
    """Reads through to `stream`, noting the field names of parts whose headers are not UTF-8."""

    def __init__(self, stream: Any, boundary: bytes) -> None:
        self.stream = stream
        self.delimiter = b"--" + boundary
        self.tail = b""
        self.field_names: list[str] = []

    def read(self, size: int = -1) -> bytes:
        chunk: bytes = self.stream.read(size)
        self._scan(chunk)
        return chunk

    def _scan(self, chunk: bytes) -> None:
        buffer = self.tail + chunk
        done = 0
        while (start := buffer.find(self.delimiter, done)) >= 0:
            end = buffer.find(b"\r\n\r\n", start)
            if end < 0:
                break  # the header goes on in the next chunk
            header = buffer[start + len(self.delimiter) : end]
            try:
                header.decode()
            except UnicodeDecodeError:
                found = _FIELD_NAME.search(header.decode(errors="replace"))
                if found:
                    self.field_names.append(found.group(1))
            done = end + 4
        self.tail = buffer[max(done, len(buffer) - _LONGEST_HEADER) :]


class KeepBadlyNamedFiles(FileUploadHandler):
    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],
        content_length: int,
        boundary: Any,
        encoding: str | None = None,
    ) -> tuple[QueryDict, MultiValueDict[str, Any]] | None:
        assert self.request is not None
        others = [h for h in self.request.upload_handlers if h is not self]
        watched = _UnreadableHeaders(input_data, boundary)
        post, files = _KeepingParser(META, cast(Any, watched), others, encoding).parse()
        for name in watched.field_names:
            if name not in files:
                files.appendlist(name, SimpleUploadedFile(KEPT_NAME, b""))
        return post, files

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        return raw_data  # never reached: the parse above uses the other handlers

    def file_complete(self, file_size: int) -> None:
        return None
