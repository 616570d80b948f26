import * as df from 'durable-functions';
import { InvocationContext } from '@azure/functions';
import {
    FraudCheckRequest,
    OrderInput,
    OrderItem,
    PaymentRequest,
    PaymentResult,
    ReminderInput,
    Reservation,
    ShipmentRequest,
    ValidationResult,
} from '../models';

// Activities are where side effects belong. These stand-ins are deterministic and
// never touch the network, so the example runs anywhere.

df.app.activity('ValidateOrder', {
    handler: (order: OrderInput): ValidationResult => ({
        valid: order.items.length > 0 && order.items.every((item) => item.qty > 0) && order.total > 0,
        orderId: order.orderId,
    }),
});

// New in 2.0.0: a stand-in fraud check that fails the orchestration for implausible totals.
df.app.activity('CheckFraud', {
    handler: (check: FraudCheckRequest): void => {
        if (check.total > 100_000) {
            throw new Error(`Order ${check.orderId} flagged for manual fraud review`);
        }
    },
});

df.app.activity('ReserveItem', {
    handler: (item: OrderItem): Reservation => ({ sku: item.sku, reserved: item.qty }),
});

df.app.activity('ChargePayment', {
    handler: (payment: PaymentRequest): PaymentResult => ({ charged: payment.total }),
});

df.app.activity('ShipOrder', {
    handler: (shipment: ShipmentRequest): string => `TRACK-${shipment.orderId}`,
});

df.app.activity('SendReminder', {
    handler: (reminder: ReminderInput, context: InvocationContext): void => {
        context.log(`Reminder for order ${reminder.orderId} sent to ${reminder.customer}`);
    },
});
