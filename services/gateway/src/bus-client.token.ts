/** Injection token of the ClientProxy that carries commands and queries to the owning services. */
export const BUS_CLIENT = Symbol('hotline.gateway.bus-client');
