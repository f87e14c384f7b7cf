import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** Who touched which personal data, when, and through which request. Holds no personal data itself. */
const auditSchema = new Schema(
  {
    at: { type: Date, required: true },
    userId: { type: String, required: true },
    action: { type: String, required: true },
    outcome: { type: String, required: true },
    requestId: { type: String },
  },
  { collection: 'audit_log', versionKey: false },
);
auditSchema.index({ userId: 1, at: -1 });

export type AuditDoc = InferSchemaType<typeof auditSchema>;
const build = (conn: Connection) => conn.model('Audit', auditSchema);
export type AuditModel = ReturnType<typeof build>;

export function auditModel(conn: Connection): AuditModel {
  return (conn.models.Audit as AuditModel | undefined) ?? build(conn);
}
