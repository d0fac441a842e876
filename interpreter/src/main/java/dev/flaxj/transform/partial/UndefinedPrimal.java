package dev.flaxj.transform.partial;

/** A linear input of a primitive being transposed: its value is unknown, only its aval. */
public record UndefinedPrimal(dev.flaxj.array.ShapedArray aval) {}
