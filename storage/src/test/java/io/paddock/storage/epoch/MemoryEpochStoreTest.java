package io.paddock.storage.epoch;

class MemoryEpochStoreTest extends EpochStoreContract {

    @Override
    protected EpochStore newStore() {
        return EpochStore.inMemory();
    }
}
