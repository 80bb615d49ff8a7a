package dev.airlock.examples.demoapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Payments made so far. An invoice is paid at most once: a second attempt is rejected. */
final class Ledger {

    private final List<Payment> payments = new ArrayList<>();

    /** Records a payment unless the invoice is already paid. Returns the payment, or empty when it was already paid. */
    synchronized Optional<Payment> pay(Invoice invoice, String username) {
        if (isPaid(invoice.id())) {
            return Optional.empty();
        }
        Payment payment = new Payment(invoice.id(), invoice.formattedTotal(), username, Instant.now());
        payments.add(payment);
        return Optional.of(payment);
    }

    synchronized boolean isPaid(String invoiceId) {
        return count(invoiceId) > 0;
    }

    synchronized int count(String invoiceId) {
        return (int) payments.stream().filter(payment -> payment.invoiceId().equals(invoiceId)).count();
    }

    synchronized List<Payment> all() {
        return List.copyOf(payments);
    }
}
