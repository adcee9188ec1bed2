package dev.gradcheck.check;

/**
 * Thrown inside a check when a layer breaks the protocol; the check turns it into a {@link Problem}
 * of the violation's category ({@link FailureCategory#CONTRACT_BREACH} unless given).
 */
public final class ContractViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The category of the problem the check records. */
    private final FailureCategory category;

    public ContractViolation(String message) {
        this(FailureCategory.CONTRACT_BREACH, message);
    }

    public ContractViolation(FailureCategory category, String message) {
        super(message);
        this.category = category;
    }

    /** The category of the problem this violation becomes. */
    public FailureCategory category() {
        return category;
    }
}
