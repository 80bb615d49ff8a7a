package dev.airlock.examples.demoapp;

import java.time.Instant;

/** A payment made through the demo app's "Pay" button. */
public record Payment(String invoiceId, String amount, String username, Instant paidAt) {
}
