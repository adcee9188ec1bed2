package dev.gradcheck.check;

/** Thrown inside a check when a layer breaks the protocol; the check turns it into a {@link Problem}. */
public final class ContractViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContractViolation(String message) {
        super(message);
    }
}
