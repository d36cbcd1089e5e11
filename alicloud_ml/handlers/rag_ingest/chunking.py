"""Fixed-size chunks with overlap: the simplest splitter whose output is stable for the same text.

Stability matters because re-ingesting a document replaces its rows; the same text must give the same
chunks so a re-ingest is a no-op for retrieval. Sizes are in characters (not tokens) so the handler
needs no tokenizer; 800 characters stay far below the 8,192 tokens per row that Model Studio's
text-embedding-v3/v4 accept (https://www.alibabacloud.com/help/en/model-studio/embedding-interfaces-compatible-with-openai).
"""

from __future__ import annotations


def chunk_text(text: str, size: int = 800, overlap: int = 100) -> list[str]:
    """Split ``text`` into windows of at most ``size`` characters, each starting ``size - overlap``
    after the previous one. A window's end moves back to the last whitespace in its second half and
    the overlap's start forward to the next word, so words are not cut when avoidable.
    Whitespace-only windows are dropped."""
    if size <= 0:
        raise ValueError("size must be positive")
    if not 0 <= overlap < size:
        raise ValueError("overlap must be >= 0 and smaller than size")
    chunks: list[str] = []
    start, n = 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            cut = max(text.rfind(" ", start + size // 2, end), text.rfind("\n", start + size // 2, end))
            if cut > start:
                end = cut
        piece = text[start:end].strip()
        if piece:
            chunks.append(piece)
        if end >= n:
            break
        next_start = max(end - overlap, start + 1)
        if not text[next_start - 1].isspace():  # do not start the overlap mid-word
            space = next((i for i in range(next_start, end) if text[i].isspace()), None)
            if space is not None:
                next_start = space + 1
        start = next_start
    return chunks
