package dev.hake.ra.inbound;

import dev.hake.jms.HakeInDoubtException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * How one delivery's message takes part in the bean's container-managed transaction: the server
 * enlists this resource, and its commit deletes the message (the session's commit), its rollback
 * makes it visible again at once, marked redelivered.
 *
 * <p>SQS has no two-phase commit, so this is a one-phase resource that votes yes at
 * {@link #prepare}: in a transaction that also holds a database, the database may commit and the
 * delete then fail (the message comes again: processed twice), never the other way round. A commit
 * whose delete is in doubt says so ({@link XAException#XA_HEURHAZ}). There is nothing to recover.
 */
final class DeliveryTransaction implements XAResource {

    private final Session session;
    private volatile boolean settled;

    DeliveryTransaction(Session session) {
        this.session = session;
    }

    /** A delivery begins: not settled until the server commits or rolls back. */
    void begin() {
        settled = false;
    }

    /** Whether the server settled the delivery (it may not have enlisted this resource at all). */
    boolean settled() {
        return settled;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        settled = true;
        try {
            session.commit();
        } catch (HakeInDoubtException e) {
            throw xaFailure(XAException.XA_HEURHAZ, e);
        } catch (JMSException e) {
            // Nothing was deleted: the message comes again, as after a rollback.
            throw xaFailure(XAException.XA_RBROLLBACK, e);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        settled = true;
        try {
            session.rollback();
        } catch (JMSException e) {
            throw xaFailure(XAException.XAER_RMERR, e);
        }
    }

    /** Votes yes: see the class comment for what a one-phase resource can and cannot promise. */
    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }

    private static XAException xaFailure(int code, Exception cause) {
        XAException e = new XAException(cause.getMessage());
        e.errorCode = code;
        e.initCause(cause);
        return e;
    }
}
