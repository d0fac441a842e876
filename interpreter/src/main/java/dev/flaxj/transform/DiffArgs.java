package dev.flaxj.transform;

import dev.flaxj.tree.Tuple;

/**
 * The differentiated positional arguments of {@code grad}, {@code jacfwd}, {@code jacrev} and
 * the like, gathered as one pytree: the argument itself for a single int {@code argnums}, else a
 * tuple in {@code argnums} order. {@code positions} are already checked and non-negative (each
 * transformation checks them with its own JAX message).
 */
public record DiffArgs(int[] positions, boolean single) {
  public DiffArgs {
    positions = positions.clone();
  }

  @Override
  public int[] positions() {
    return positions.clone();
  }

  /** The differentiated arguments of {@code args}, as one pytree. */
  public Object dynamic(Object[] args) {
    if (single) {
      return args[positions[0]];
    }
    Object[] items = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      items[i] = args[positions[i]];
    }
    return Tuple.of(items);
  }

  /** {@code args} with the differentiated positions replaced by (the items of) {@code dyn}. */
  public Object[] substitute(Object[] args, Object dyn) {
    Object[] full = args.clone();
    for (int i = 0; i < positions.length; i++) {
      full[positions[i]] = single ? dyn : ((Tuple) dyn).get(i);
    }
    return full;
  }

  /** {@code f} as a function of one argument, the differentiated pytree, the others fixed. */
  public TreeFunction partial(TreeFunction f, Object[] args) {
    return dyn -> f.apply(substitute(args, dyn[0]));
  }
}
