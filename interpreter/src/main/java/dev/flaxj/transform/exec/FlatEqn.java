package dev.flaxj.transform.exec;

import dev.flaxj.transform.ir.JaxprEqn;

/**
 * An equation of the flattened program (calls inlined), its operands and results resolved to the
 * plan's slots.
 */
record FlatEqn(JaxprEqn eqn, int[] inSlots, int[] outSlots) {}
