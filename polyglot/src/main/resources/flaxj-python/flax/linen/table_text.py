"""A table drawn as the rich library draws Flax's summary on an 80-column terminal: heavy-head box,
lines between rows, a bold header and footer, an italic title and a bold caption, both centred;
cells hold rich markup ([bold], [dim]), columns too wide shrink as rich shrinks them, cell text
wraps at spaces and a word longer than its column ends in an ellipsis."""

import re

WIDTH = 80
_CODES = {'bold': '1', 'dim': '2', 'italic': '3'}
_MARKUP = re.compile(r'\[(/?)(bold|dim)\]')
_WORDS = re.compile(r'\s*\S+\s*')


class _Text:
  """Plain text with style spans [(start, end, style)] (markup parsed)."""

  def __init__(self, plain, spans):
    self.plain = plain
    self.spans = spans

  @classmethod
  def markup(cls, text):
    plain, spans, open_at = [], [], {}
    pos, length = 0, 0
    for m in _MARKUP.finditer(text):
      plain.append(text[pos:m.start()])
      length += m.start() - pos
      pos = m.end()
      if m.group(1):
        spans.append((open_at.pop(m.group(2)), length, m.group(2)))
      else:
        open_at[m.group(2)] = length
    plain.append(text[pos:])
    spans = [s for s in spans if s[1] > s[0]]
    spans.sort(key=lambda s: s[0])
    return cls(''.join(plain), spans)

  def slice(self, start, end):
    return _Text(self.plain[start:end],
                 [(max(a, start) - start, min(b, end) - start, st)
                  for a, b, st in self.spans if min(b, end) > max(a, start)])

  def lines(self):
    out, start = [], 0
    for part in self.plain.split('\n'):
      out.append(self.slice(start, start + len(part)))
      start += len(part) + 1
    return out

  def shifted(self, offset):
    return _Text(self.plain, [(a + offset, b + offset, st) for a, b, st in self.spans])


def _measure(text):
  """rich's maximum width of a cell's text: its longest line."""
  return max(len(line) for line in text.plain.split('\n'))


def _ratio_reduce(total, ratios, maximums, values):
  ratios = [r if m else 0 for r, m in zip(ratios, maximums)]
  total_ratio = sum(ratios)
  if not total_ratio:
    return list(values)
  remaining, result = total, []
  for ratio, maximum, value in zip(ratios, maximums, values):
    if ratio and total_ratio > 0:
      distributed = min(maximum, round(ratio * remaining / total_ratio))
      result.append(value - distributed)
      remaining -= distributed
      total_ratio -= ratio
    else:
      result.append(value)
  return result


def _collapse(widths, max_width):
  excess = sum(widths) - max_width
  while excess > 0:
    widest = max(widths)
    second = max((w for w in widths if w != widest), default=0)
    if widest == second:
      break
    ratios = [1 if w == widest else 0 for w in widths]
    widths = _ratio_reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
    excess = sum(widths) - max_width
  return widths


def _column_widths(columns):
  """Outer widths (padding included) of columns of cell texts, as rich computes them."""
  max_width = WIDTH - (len(columns) + 1)
  widths = [max(_measure(t) for t in col) + 2 for col in columns]
  if sum(widths) > max_width:
    widths = _collapse(widths, max_width)
    if sum(widths) > max_width:
      widths = _ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
    widths = [min(max(_measure(t) for t in col) + 2, w) for col, w in zip(columns, widths)]
  return widths


def _wrap(text, width, justify):
  """The lines (each exactly `width` long) of `text` wrapped as rich wraps cell text."""
  out = []
  for line in text.lines():
    breaks, offset = [], 0
    for m in _WORDS.finditer(line.plain):
      word = m.group()
      length = len(word.rstrip())
      if width - offset >= length:
        offset += len(word)
      else:
        if m.start() and (length > width or offset):
          breaks.append(m.start())
        offset = len(word)
    bounds = [0] + breaks + [len(line.plain)]
    for a, b in zip(bounds, bounds[1:]):
      part = line.slice(a, b)
      if len(part.plain) > width:
        trailing = len(part.plain) - len(part.plain.rstrip())
        part = part.slice(0, len(part.plain) - min(trailing, len(part.plain) - width))
      if len(part.plain) > width:
        cut = part.slice(0, width - 1)
        part = _Text(cut.plain + '\u2026', cut.spans)
      if justify == 'right':
        part = part.slice(0, len(part.plain.rstrip()))
        pad = width - len(part.plain)
        part = _Text(' ' * pad + part.plain, part.shifted(pad).spans)
      else:
        part = _Text(part.plain + ' ' * (width - len(part.plain)), part.spans)
      out.append(part)
  return out


def _segments(text, base):
  """ANSI text of one line: a styled segment per run between span boundaries."""
  bounds = {0, len(text.plain)}
  for a, b, _ in text.spans:
    bounds.update((a, b))
  bounds = sorted(bounds)
  out = []
  for a, b in zip(bounds, bounds[1:]):
    styles = set(base) | {st for s, e, st in text.spans if s <= a and b <= e}
    out.append(_styled(text.plain[a:b], styles))
  return ''.join(out)


def _styled(s, styles):
  if not s:
    return ''
  if not styles:
    return s
  codes = ';'.join(_CODES[st] for st in ('bold', 'dim', 'italic') if st in styles)
  return f'\x1b[{codes}m{s}\x1b[0m'


def _row(cells, widths, base, bar, justify_right=()):
  """The lines of one table row: cells wrapped to their column, padded by one space."""
  wrapped = [_wrap(c, w - 2, 'right' if i in justify_right else 'left')
             for i, (c, w) in enumerate(zip(cells, widths))]
  height = max(len(w) for w in wrapped)
  lines = []
  for k in range(height):
    parts = []
    for lines_of, w in zip(wrapped, widths):
      line = lines_of[k] if k < len(lines_of) else _Text(' ' * (w - 2), [])
      pad = _styled(' ', base)
      parts.append(pad + _segments(line, base) + pad)
    lines.append(bar + bar.join(parts) + bar)
  return lines


def _centred(text, width, style):
  left = (width - len(text.plain)) // 2
  right = width - len(text.plain) - left
  return _segments(_Text(' ' * left + text.plain + ' ' * right, text.shifted(left).spans), style)


def render(title, header, rows, footer, right_footer, caption):
  """The table as rich prints it (lines ending in a newline)."""
  head = [_Text.markup(h) for h in header]
  body = [[_Text.markup(c) for c in row] for row in rows]
  foot = [_Text.markup(f) for f in footer]
  columns = [[head[i]] + [r[i] for r in body] + [foot[i]] for i in range(len(header))]
  widths = _column_widths(columns)
  table_width = sum(widths) + len(widths) + 1

  def rule(left, mid, right, fill):
    return left + mid.join(fill * w for w in widths) + right

  lines = [_centred(_Text(title, []), table_width, {'italic'})]
  lines.append(rule('\u250f', '\u2533', '\u2513', '\u2501'))
  lines.extend(_row(head, widths, {'bold'}, '\u2503'))
  lines.append(rule('\u2521', '\u2547', '\u2529', '\u2501'))
  for row in body:
    lines.extend(_row(row, widths, set(), '\u2502'))
    lines.append(rule('\u251c', '\u253c', '\u2524', '\u2500'))
  lines.extend(_row(foot, widths, {'bold'}, '\u2502', justify_right={right_footer}))
  lines.append(rule('\u2514', '\u2534', '\u2518', '\u2500'))
  for line in _Text.markup(caption).lines():
    lines.append(_centred(line, table_width, {'bold'}))
  return '\n'.join(lines) + '\n'

