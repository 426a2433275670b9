package org.ftpd.filesystems.internal;

/**
 * How one session's view writes: the umask of what it creates, atomic uploads, what a broken upload leaves,
 * and the quota of its home.
 *
 * @param umask bits cleared from the mode of created files (from 0666) and directories (from 0777), or -1 to
 *     leave that to the process's own umask
 * @param atomicUploads whether STOR and STOU write a hidden temporary file renamed onto the target on success
 * @param keepPartial whether a broken upload keeps what arrived (for REST resume) or is rolled back
 * @param quota the ledger of the home's quota, or {@code null} for none
 */
record WriteRules(int umask, boolean atomicUploads, boolean keepPartial, QuotaLedger quota) {

    /** The process umask, writes in place, partial files kept, no quota: pyftpdlib's behaviour. */
    static final WriteRules DEFAULT = new WriteRules(-1, false, true, null);

    WriteRules withUmask(int value) {
        return new WriteRules(value, atomicUploads, keepPartial, quota);
    }

    WriteRules withAtomicUploads(boolean value) {
        return new WriteRules(umask, value, keepPartial, quota);
    }

    WriteRules withKeepPartial(boolean value) {
        return new WriteRules(umask, atomicUploads, value, quota);
    }

    WriteRules withQuota(QuotaLedger value) {
        return new WriteRules(umask, atomicUploads, keepPartial, value);
    }
}
