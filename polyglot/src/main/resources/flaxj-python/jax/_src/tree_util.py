"""jax.tree_util in Python (pytrees stay Python objects; only transformations hand them to Java):
dicts flatten in sorted key order, None is a node without children, tuples, lists and registered
custom nodes are nodes, everything else is a leaf."""

import functools
from jax._src import bridge


class _Node:
    __slots__ = ('type', 'flatten', 'unflatten', 'flatten_with_keys')

    def __init__(self, type_, flatten, unflatten, flatten_with_keys=None):
        self.type = type_
        self.flatten = flatten
        self.unflatten = unflatten
        self.flatten_with_keys = flatten_with_keys


_registry = bridge.custom_nodes


def register_pytree_node(nodetype, flatten_func, unflatten_func, flatten_with_keys_func=None):
    if nodetype in _registry:
        raise ValueError('Duplicate custom PyTreeDef type registration for %s.' % nodetype)
    _registry[nodetype] = _Node(nodetype, flatten_func, unflatten_func, flatten_with_keys_func)


def register_pytree_with_keys(nodetype, flatten_with_keys, unflatten_func, flatten_func=None):
    def flat(x):
        children, aux = flatten_with_keys(x)
        return [c for _, c in children], aux
    register_pytree_node(nodetype, flatten_func or flat, unflatten_func, flatten_with_keys)


def register_pytree_node_class(cls):
    register_pytree_node(cls, lambda x: x.tree_flatten(), cls.tree_unflatten)
    return cls


def register_static(cls):
    register_pytree_node(cls, lambda x: ((), x), lambda aux, _: aux)
    return cls


def register_dataclass(nodetype, data_fields=None, meta_fields=None, drop_fields=()):
    import dataclasses
    if data_fields is None:
        data_fields = [f.name for f in dataclasses.fields(nodetype)
                       if not f.metadata.get('static', False)]
        meta_fields = [f.name for f in dataclasses.fields(nodetype)
                       if f.metadata.get('static', False)]

    def flatten(x):
        return ([getattr(x, n) for n in data_fields], tuple(getattr(x, n) for n in meta_fields))

    def unflatten(aux, children):
        kw = dict(zip(data_fields, children))
        kw.update(zip(meta_fields, aux))
        return nodetype(**kw)
    register_pytree_node(nodetype, flatten, unflatten)
    return nodetype


def _is_namedtuple(x):
    return isinstance(x, tuple) and hasattr(type(x), '_fields')


def _children(x):
    """(kind, children, aux, keys) of a node, or None for a leaf."""
    if x is None:
        return ('none', [], None, [])
    t = type(x)
    node = _registry.get(t)
    if node is not None:
        if node.flatten_with_keys is not None:
            kc, aux = node.flatten_with_keys(x)
            return (t, [c for _, c in kc], aux, [k for k, _ in kc])
        children, aux = node.flatten(x)
        children = list(children)
        return (t, children, aux, [FlattenedIndexKey(i) for i in range(len(children))])
    if t is tuple:
        return ('tuple', list(x), None, [SequenceKey(i) for i in range(len(x))])
    if t is list:
        return ('list', list(x), None, [SequenceKey(i) for i in range(len(x))])
    if t is dict:
        keys = sorted(x)
        return ('dict', [x[k] for k in keys], tuple(keys), [DictKey(k) for k in keys])
    if _is_namedtuple(x):
        return (t, list(x), None, [GetAttrKey(f) for f in t._fields])
    return None


class PyTreeDef:
    """A tree structure; prints as JAX prints it: PyTreeDef({'a': *, 'b': (*, None)})."""
    __slots__ = ('kind', 'aux', 'children', 'num_leaves', 'num_nodes')

    def __init__(self, kind, aux, children):
        self.kind = kind
        self.aux = aux
        self.children = tuple(children)
        if kind == 'leaf':
            self.num_leaves, self.num_nodes = 1, 1
        else:
            self.num_leaves = sum(c.num_leaves for c in self.children)
            self.num_nodes = 1 + sum(c.num_nodes for c in self.children)

    def unflatten(self, leaves):
        leaves = list(leaves)
        if len(leaves) != self.num_leaves:
            raise ValueError('Too few leaves for PyTreeDef; expected %d, got %d.'
                             % (self.num_leaves, len(leaves)) if len(leaves) < self.num_leaves
                             else 'Too many leaves for PyTreeDef; expected %d, got %d.'
                             % (self.num_leaves, len(leaves)))
        it = iter(leaves)
        return self._build(it)

    def _build(self, it):
        if self.kind == 'leaf':
            return next(it)
        children = [c._build(it) for c in self.children]
        if self.kind == 'none':
            return None
        if self.kind == 'tuple':
            return tuple(children)
        if self.kind == 'list':
            return children
        if self.kind == 'dict':
            return dict(zip(self.aux, children))
        node = _registry.get(self.kind)
        if node is not None:
            return node.unflatten(self.aux, children)
        return self.kind(*children)

    def __eq__(self, other):
        return (isinstance(other, PyTreeDef) and self.kind == other.kind
                and self.aux == other.aux and self.children == other.children)

    def __hash__(self):
        return hash((self.kind if isinstance(self.kind, str) else id(self.kind), self.children))

    def _str(self):
        if self.kind == 'leaf':
            return '*'
        cs = [c._str() for c in self.children]
        if self.kind == 'none':
            return 'None'
        if self.kind == 'tuple':
            return '(' + cs[0] + ',)' if len(cs) == 1 else '(' + ', '.join(cs) + ')'
        if self.kind == 'list':
            return '[' + ', '.join(cs) + ']'
        if self.kind == 'dict':
            return '{' + ', '.join('%r: %s' % (k, c) for k, c in zip(self.aux, cs)) + '}'
        name = getattr(self.kind, '__name__', str(self.kind))
        if _is_namedtuple_type(self.kind):
            return '%s(%s)' % (name, ', '.join('%s=%s' % (f, c) for f, c in
                                               zip(self.kind._fields, cs)))
        return 'CustomNode(%s[%s], [%s])' % (name, self.aux, ', '.join(cs))

    def __repr__(self):
        return 'PyTreeDef(%s)' % self._str()

    def node_data(self):
        return (self.kind, self.aux)


def _is_namedtuple_type(t):
    return isinstance(t, type) and issubclass(t, tuple) and hasattr(t, '_fields')


def _flatten(tree, is_leaf, leaves, paths=None, path=()):
    if is_leaf is not None and is_leaf(tree):
        leaves.append(tree)
        if paths is not None:
            paths.append(path)
        return PyTreeDef('leaf', None, ())
    spec = _children(tree)
    if spec is None:
        leaves.append(tree)
        if paths is not None:
            paths.append(path)
        return PyTreeDef('leaf', None, ())
    kind, children, aux, keys = spec
    defs = [_flatten(c, is_leaf, leaves, paths, path + (k,)) for c, k in zip(children, keys)]
    return PyTreeDef(kind, aux, defs)


def tree_flatten(tree, is_leaf=None):
    leaves = []
    treedef = _flatten(tree, is_leaf, leaves)
    return leaves, treedef


def tree_leaves(tree, is_leaf=None):
    return tree_flatten(tree, is_leaf)[0]


def tree_structure(tree, is_leaf=None):
    return tree_flatten(tree, is_leaf)[1]


def tree_unflatten(treedef, leaves):
    return treedef.unflatten(leaves)


def _subtrees(treedef, tree):
    """The subtrees of `tree` at the leaves of `treedef` (a prefix of the tree's structure)."""
    if treedef.kind == 'leaf':
        return [tree]
    spec = _children(tree)
    if spec is None or spec[0] != treedef.kind or (treedef.kind == 'dict' and spec[2] != treedef.aux):
        raise ValueError('Custom node type mismatch; expected structure %r, got %r.'
                         % (treedef, tree_structure(tree)))
    if len(spec[1]) != len(treedef.children):
        raise ValueError('Tuple arity mismatch: %d != %d; tuple: %r.'
                         % (len(spec[1]), len(treedef.children), tree))
    out = []
    for c, d in zip(spec[1], treedef.children):
        out.extend(_subtrees(d, c))
    return out


def tree_map(f, tree, *rest, is_leaf=None):
    leaves, treedef = tree_flatten(tree, is_leaf)
    others = [_subtrees(treedef, r) for r in rest]
    return treedef.unflatten([f(*xs) for xs in zip(leaves, *others)])


def tree_map_with_path(f, tree, *rest, is_leaf=None):
    leaves, paths = [], []
    treedef = _flatten(tree, is_leaf, leaves, paths)
    others = [_subtrees(treedef, r) for r in rest]
    return treedef.unflatten([f(p, *xs) for p, xs in zip(paths, zip(leaves, *others))])


def tree_flatten_with_path(tree, is_leaf=None):
    leaves, paths = [], []
    treedef = _flatten(tree, is_leaf, leaves, paths)
    return list(zip(paths, leaves)), treedef


def tree_leaves_with_path(tree, is_leaf=None):
    return tree_flatten_with_path(tree, is_leaf)[0]


def tree_reduce(function, tree, initializer=None, is_leaf=None):
    leaves = tree_leaves(tree, is_leaf)
    if initializer is None:
        return functools.reduce(function, leaves)
    return functools.reduce(function, leaves, initializer)


def tree_all(tree, is_leaf=None):
    return all(tree_leaves(tree, is_leaf))


def tree_transpose(outer_treedef, inner_treedef, pytree_to_transpose):
    flat = tree_leaves(pytree_to_transpose)
    n_in = inner_treedef.num_leaves
    groups = [flat[i * n_in:(i + 1) * n_in] for i in range(outer_treedef.num_leaves)]
    return inner_treedef.unflatten([outer_treedef.unflatten(list(col)) for col in zip(*groups)])


def all_leaves(iterable, is_leaf=None):
    return all(tree_structure(x, is_leaf).kind == 'leaf' for x in iterable)


def treedef_is_leaf(treedef):
    return treedef.kind == 'leaf'


def treedef_children(treedef):
    return list(treedef.children)


class DictKey:
    __slots__ = ('key',)

    def __init__(self, key):
        self.key = key

    def __str__(self):
        return '[%r]' % (self.key,)

    def __repr__(self):
        return 'DictKey(key=%r)' % (self.key,)

    def __eq__(self, other):
        return isinstance(other, DictKey) and other.key == self.key

    def __hash__(self):
        return hash(('DictKey', self.key))


class SequenceKey:
    __slots__ = ('idx',)

    def __init__(self, idx):
        self.idx = idx

    def __str__(self):
        return '[%d]' % self.idx

    def __repr__(self):
        return 'SequenceKey(idx=%d)' % self.idx

    def __eq__(self, other):
        return isinstance(other, SequenceKey) and other.idx == self.idx

    def __hash__(self):
        return hash(('SequenceKey', self.idx))


class GetAttrKey:
    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name

    def __str__(self):
        return '.%s' % self.name

    def __repr__(self):
        return 'GetAttrKey(name=%r)' % self.name

    def __eq__(self, other):
        return isinstance(other, GetAttrKey) and other.name == self.name

    def __hash__(self):
        return hash(('GetAttrKey', self.name))


class FlattenedIndexKey:
    __slots__ = ('key',)

    def __init__(self, key):
        self.key = key

    def __str__(self):
        return '[<flat index %d>]' % self.key

    def __repr__(self):
        return 'FlattenedIndexKey(key=%d)' % self.key

    def __eq__(self, other):
        return isinstance(other, FlattenedIndexKey) and other.key == self.key

    def __hash__(self):
        return hash(('FlattenedIndexKey', self.key))


def keystr(keys, *, simple=False, separator=''):
    if simple:
        return separator.join(str(getattr(k, 'key', getattr(k, 'idx', getattr(k, 'name', k))))
                              for k in keys)
    return ''.join(str(k) for k in keys)


class Partial(functools.partial):
    """functools.partial that is a pytree (its arguments are the children)."""


register_pytree_node(
    Partial,
    lambda p: ((p.args, p.keywords), p.func),
    lambda func, xs: Partial(func, *xs[0], **xs[1]))
