import { z } from 'zod';

export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200, 'at most 200 characters');

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email('enter your e-mail address'),
  password: z.string().min(1, 'enter your password'),
});

export const userInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an e-mail address'),
    name: z.string().trim().min(1, 'enter a name').max(80, 'at most 80 characters'),
    role: z.enum(['operator', 'tenant'], { message: 'choose operator or tenant' }),
    connectionId: z.string().optional(),
    tenantId: z.string().optional(),
    password: passwordSchema,
  })
  .superRefine((u, ctx) => {
    if (u.role === 'tenant' && (!u.connectionId || !u.tenantId))
      ctx.addIssue({ code: 'custom', path: ['tenantId'], message: 'a tenant user must be bound to a tenant' });
  });
export type UserInput = z.infer<typeof userInputSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['operator', 'tenant']),
  connectionId: z.string().nullable(),
  tenantId: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const wallboardScopeSchema = z
  .object({
    connections: z.array(z.string()).default([]),
    tenants: z.array(z.object({ connectionId: z.string(), tenantId: z.string() })).default([]),
  })
  .refine((s) => s.connections.length + s.tenants.length > 0, { message: 'choose at least one connection or tenant', path: ['connections'] });
export type WallboardScope = z.infer<typeof wallboardScopeSchema>;

export const wallboardInputSchema = z.object({
  name: z.string().trim().min(1, 'enter a name').max(80, 'at most 80 characters'),
  scope: wallboardScopeSchema,
});
