package dev.airlock.egress;

/** An allowlist entry that is not an origin; the message names the entry and shows how to write it. */
public class InvalidOriginException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int index;

    public InvalidOriginException(int index, String message) {
        super(message);
        this.index = index;
    }

    /** Returns the position of the rejected entry in the list that was parsed. */
    public int index() {
        return index;
    }
}
