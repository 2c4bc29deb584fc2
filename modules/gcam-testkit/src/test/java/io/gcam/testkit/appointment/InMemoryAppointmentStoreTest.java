package io.gcam.testkit.appointment;

import io.gcam.appointment.spi.AppointmentStore;

class InMemoryAppointmentStoreTest extends AppointmentStoreCompatibilityKit {

    @Override
    protected AppointmentStore createStore() {
        return new InMemoryAppointmentStore();
    }
}
