CREATE TABLE "channel_budget" (
	"channel" text NOT NULL,
	"period" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"cap" integer NOT NULL,
	"granted" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "channel_budget_channel_period_pk" PRIMARY KEY("channel","period")
);
--> statement-breakpoint
CREATE INDEX "channel_budget_expires_idx" ON "channel_budget" USING btree ("expires_at");