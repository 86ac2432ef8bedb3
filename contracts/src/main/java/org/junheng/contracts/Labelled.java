package org.junheng.contracts;

/** A code whose user-facing label is Chinese, as it appears on forms, ledgers and notices (通报). */
public interface Labelled {

    /** The Chinese label, e.g. {@code 小学}. */
    String label();
}
