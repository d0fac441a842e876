"""The programs of transforms.json: issue 3's composition matrix of JAX transformations.

Used by record_jax_vectors.py. The same programs are written in Java in
interpreter/src/test/java/dev/flaxj/vectors/TransformVectorsTest.java; change both together.

Every transformation T below turns a program f (a float32[3] -> float32[3] function) into
another such program, so that any two compose: the case "outer of inner" is
T_outer(T_inner(BASE)) applied to x. BASE mixes the elements (a matrix product) and is nonlinear.

  jit         jax.jit(f)
  vmap        sum over axis 0 of vmap(f) on the rows [x, -0.5 x + 0.25]; for both recorded inputs the
              rows' sums have opposite signs, so a cond inside sees a batched predicate that differs
  grad        grad(y -> sum(f(y) * W))(x), a vector-Jacobian product
  jvp         primal + tangent of jvp(f, (x,), (V,))
  scan        scan of (c, s) -> (0.5 c + s f(c), f(c)) over SEQ from c = x; final carry + sum of ys
  cond        cond(sum(x) > 0, f, y -> 0.5 f(1 - y), x)
  checkpoint  jax.checkpoint(f)
  custom_vjp  custom_vjp(f) whose bwd is f's true vjp clipped to [-0.5, 0.5] (the rule matters)
  while_loop  forward only: c = 0.5 c + 0.2 f(c) while i < 6 and sum(|c|) > 0.8, from c = x

Cases (each on the inputs X1 and X2):
  "outer of inner"          the 64 ordered pairs
  "grad of outer of inner"  the reverse-mode derivative of each pair, where custom_vjp's rule shows
  "while_loop", "jit of while_loop", "vmap of while_loop", "jvp of while_loop"
  "hessian of P", "jacfwd of jacrev of P"  second derivatives of sum(W * P(x)) for a few programs P
"""

import numpy as np

A = np.float32([[0.5, -0.3, 0.2], [0.1, 0.4, -0.6], [-0.2, 0.3, 0.7]])
W = np.float32([0.7, -1.2, 0.4])
V = np.float32([1.0, -0.5, 0.25])
SEQ = np.float32([0.3, -0.2, 0.5])
INPUTS = [np.float32([0.9, -0.4, 1.3]), np.float32([-0.7, 0.2, -0.9])]
PAIR_TRANSFORMS = ["jit", "vmap", "grad", "jvp", "scan", "cond", "checkpoint", "custom_vjp"]
SECOND_ORDER_PROGRAMS = ["base", "scan", "cond", "checkpoint", "custom_vjp"]


def base(x):
    import jax.numpy as jnp
    return jnp.tanh(A @ x) + 0.5 * jnp.sin(x)


def t_jit(f):
    import jax
    return jax.jit(f)


def t_vmap(f):
    import jax
    import jax.numpy as jnp
    return lambda x: jnp.sum(jax.vmap(f)(jnp.stack([x, -0.5 * x + 0.25])), axis=0)


def t_grad(f):
    import jax
    import jax.numpy as jnp
    return jax.grad(lambda y: jnp.sum(f(y) * W))


def t_jvp(f):
    import jax

    def g(x):
        p, t = jax.jvp(f, (x,), (V,))
        return p + t
    return g


def t_scan(f):
    import jax
    import jax.numpy as jnp

    def body(c, s):
        y = f(c)
        return 0.5 * c + s * y, y

    def g(x):
        c, ys = jax.lax.scan(body, x, SEQ)
        return c + jnp.sum(ys, axis=0)
    return g


def t_cond(f):
    import jax
    import jax.numpy as jnp
    return lambda x: jax.lax.cond(jnp.sum(x) > 0, f, lambda y: 0.5 * f(1.0 - y), x)


def t_checkpoint(f):
    import jax
    return jax.checkpoint(f)


def t_custom_vjp(f):
    import jax
    import jax.numpy as jnp
    g = jax.custom_vjp(f)

    def fwd(x):
        return f(x), x

    def bwd(x, ct):
        _, pull = jax.vjp(f, x)
        (gx,) = pull(ct)
        return (jnp.clip(gx, -0.5, 0.5),)
    g.defvjp(fwd, bwd)
    return g


def t_while_loop(f):
    import jax
    import jax.numpy as jnp

    def cond_fun(state):
        i, c = state
        return jnp.logical_and(i < 6, jnp.sum(jnp.abs(c)) > 0.8)

    def body(state):
        i, c = state
        return i + 1, 0.5 * c + 0.2 * f(c)
    return lambda x: jax.lax.while_loop(cond_fun, body, (np.int32(0), x))[1]


TRANSFORMS = {"jit": t_jit, "vmap": t_vmap, "grad": t_grad, "jvp": t_jvp, "scan": t_scan,
              "cond": t_cond, "checkpoint": t_checkpoint, "custom_vjp": t_custom_vjp,
              "while_loop": t_while_loop}


def program(names):
    """T_names[0](T_names[1](... BASE)); "base" alone is BASE."""
    f = base
    for name in reversed(names):
        if name != "base":
            f = TRANSFORMS[name](f)
    return f


def scalar(f):
    import jax.numpy as jnp
    return lambda x: jnp.sum(f(x) * W)


def record_transforms(r):
    """Adds every case to the Recorder r."""
    import jax
    cases = []
    for outer in PAIR_TRANSFORMS:
        for inner in PAIR_TRANSFORMS:
            cases.append((f"{outer} of {inner}", program([outer, inner])))
    for outer in PAIR_TRANSFORMS:
        for inner in PAIR_TRANSFORMS:
            cases.append((f"grad of {outer} of {inner}", program(["grad", outer, inner])))
    for outer in [None, "jit", "vmap", "jvp"]:
        names = ["while_loop"] if outer is None else [outer, "while_loop"]
        cases.append((" of ".join(names), program(names)))
    for name in SECOND_ORDER_PROGRAMS:
        cases.append((f"hessian of {name}", jax.hessian(scalar(program([name])))))
    for name in SECOND_ORDER_PROGRAMS:
        cases.append((f"jacfwd of jacrev of {name}", jax.jacfwd(jax.jacrev(scalar(program([name]))))))
    for fn, call in cases:
        for x in INPUTS:
            r.add(fn, lambda x, call=call: call(x), x=x)  # positional: grad rejects keywords
