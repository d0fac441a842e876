package dev.flaxj.core;

import dev.flaxj.tree.Tuple;
import java.util.Arrays;
import java.util.List;

/**
 * The function the lifted autodiff transforms ({@link LiftJvp}, {@link LiftVjp}, {@link
 * LiftValueAndGrad}, {@link LiftCustomVjp}) differentiate: {@code fn} run on the inner scopes built
 * from the given groups, its output split from its auxiliary data, and the inner scopes repacked.
 */
record LiftedCall(Object y, Object aux, List<Object> outGroups) {

  /**
   * Runs {@code fn(innerScopes, *args)}; with {@code hasAux}, {@code fn} returns a pair {@code
   * (output, aux)} (a {@link Tuple} or list of two), else {@code aux} is null.
   */
  static LiftedCall run(Pack pack, ScopeTreeFunction fn, List<?> variableGroups, List<?> rngGroups,
      Object[] args, boolean hasAux) {
    Object inner = pack.innerScopes(variableGroups, rngGroups);
    Object out = fn.apply(inner, args);
    Object y = out;
    Object aux = null;
    if (hasAux) {
      List<?> pair = out instanceof Tuple t ? t.items() : out instanceof List<?> l ? l : null;
      if (pair == null || pair.size() != 2) {
        throw new IllegalArgumentException("with has_aux=True the function must return a pair "
            + "(output, aux), but it returned " + out);
      }
      y = pair.get(0);
      aux = pair.get(1);
    }
    return new LiftedCall(y, aux, pack.repack(inner));
  }

  /** {@code (first, *rest)}: the differentiated variable group before the arguments. */
  static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** {@code a[1:]}. */
  static Object[] tail(Object[] a) {
    return Arrays.copyOfRange(a, 1, a.length);
  }
}
