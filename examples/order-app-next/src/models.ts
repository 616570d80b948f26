/** Payload accepted by the StartOrder HTTP starter and passed to ProcessOrder. */
export interface OrderInput {
    orderId: string;
    customer: string;
    items: OrderItem[];
    total: number;
}

export interface OrderItem {
    sku: string;
    qty: number;
}

export interface ValidationResult {
    valid: boolean;
    orderId: string;
}

export interface Reservation {
    sku: string;
    reserved: number;
}

export interface ApprovalRequest {
    orderId: string;
    total: number;
}

export interface ApprovalResult {
    approved: boolean;
    reason?: string;
}

export interface PaymentRequest {
    orderId: string;
    total: number;
}

export interface PaymentResult {
    charged: number;
}

export interface FraudCheckRequest {
    orderId: string;
    total: number;
}

export interface ShipmentRequest {
    orderId: string;
    priority: 'express' | 'standard';
}

export interface ReminderInput {
    orderId: string;
    customer: string;
}

export type OrderResult =
    | { status: 'shipped'; orderId: string; tracking: string }
    | { status: 'rejected'; orderId: string };
