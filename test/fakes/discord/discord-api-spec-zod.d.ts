/**
 * The package ships `./zod` as plain JavaScript with no declarations; these are the schemas the fake uses.
 * Their inferred output types are not needed: the fake only asks whether a body passes and why not.
 */
declare module "discord-api-spec/zod" {
  import type { ZodMiniType } from "zod/mini";

  /** Only affects schemas built after the call, which is none of the exported ones (see strict-schema.ts). */
  export function setStrictObject(strict: boolean): void;
  export const ApplicationCommandCreateRequestSchema: ZodMiniType;
  export const ApplicationCommandAutocompleteCallbackRequestSchema: ZodMiniType;
  export const CreateMessageInteractionCallbackRequestSchema: ZodMiniType;
  export const UpdateMessageInteractionCallbackRequestSchema: ZodMiniType;
  export const ModalInteractionCallbackRequestSchema: ZodMiniType;
  export const PongInteractionCallbackRequestSchema: ZodMiniType;
  export const LaunchActivityInteractionCallbackRequestSchema: ZodMiniType;
  export const IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema: ZodMiniType;
  export const IncomingWebhookRequestPartialSchema: ZodMiniType;
  export const MessageCreateRequestSchema: ZodMiniType;
  export const CreateForumThreadRequestSchema: ZodMiniType;
  export const MessageEditRequestPartialSchema: ZodMiniType;
  export const RichEmbedSchema: ZodMiniType;
}
