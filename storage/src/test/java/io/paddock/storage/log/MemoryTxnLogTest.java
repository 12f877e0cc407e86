package io.paddock.storage.log;

class MemoryTxnLogTest extends TxnLogContract {

    @Override
    protected TxnLog newLog() {
        return new MemoryTxnLog();
    }
}
