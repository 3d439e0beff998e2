/**
 * Small programs to copy from, each runnable against the local {@code dev} cluster with one command:
 * {@link io.ringkv.examples.QuickStart} (put, get, siblings and their resolution),
 * {@link io.ringkv.examples.ShoppingCart} (concurrent adds merged by set union) and
 * {@link io.ringkv.examples.TunableConsistency} (R/W, strict and linearizable side by side).
 *
 * <p>Every example keeps its logic in a {@code run} method that takes connected clients, so the tests
 * run exactly that logic against an in-JVM cluster; {@code main} only resolves the seeds and builds the
 * client.
 */
package io.ringkv.examples;
