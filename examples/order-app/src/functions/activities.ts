import * as df from 'durable-functions';
import { InvocationContext } from '@azure/functions';
import {
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
