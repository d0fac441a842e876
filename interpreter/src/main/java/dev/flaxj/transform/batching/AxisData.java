package dev.flaxj.transform.batching;

/** The mapped axis of one {@code vmap}: its size and, if given, its name (for collectives). */
public record AxisData(int size, String name) {}
