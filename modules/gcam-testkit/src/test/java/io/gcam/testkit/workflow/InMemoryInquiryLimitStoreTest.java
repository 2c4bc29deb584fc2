package io.gcam.testkit.workflow;

import io.gcam.workflow.spi.InquiryLimitStore;

class InMemoryInquiryLimitStoreTest extends InquiryLimitStoreCompatibilityKit {

    @Override
    protected InquiryLimitStore createStore() {
        return InquiryLimitStore.inMemory();
    }
}
